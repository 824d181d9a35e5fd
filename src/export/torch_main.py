

def main():
    ap = argparse.ArgumentParser(description="Train the nnplay setup above with PyTorch.")
    ap.add_argument("--epochs", type=int, default=EPOCHS, help="epochs to train (default %(default)s)")
    ap.add_argument("--weights", choices=["start", "current", "fresh"], default="start",
                    help="start: the playground's starting weights; current: the page's weights "
                         "(the schedule goes on from its epoch); fresh: a new draw in torch")
    ap.add_argument("--no-shuffle", action="store_true", help="the rows in the data's order every epoch")
    ap.add_argument("--seed", type=int, default=None, help="torch's seed (default: the setup's)")
    ap.add_argument("--save", default=None, help="write the trained weights (state_dict) to this file")
    args = ap.parse_args()
    s = copy.deepcopy(SETUP)
    if args.no_shuffle:
        s["shuffle"] = False
    weights = {"start": START_WEIGHTS, "current": CURRENT_WEIGHTS, "fresh": None}[args.weights]
    first = CURRENT_EPOCH if args.weights == "current" else 0
    scores = train(s, args.epochs, weights, first_epoch=first, seed=args.seed)
    rank, _ = distributed()
    if rank == 0:
        shown = {k: round(v, 6) for k, v in scores.items() if isinstance(v, float)}
        print("final", shown)
        if args.save:
            torch.save(scores["net"].state_dict(), args.save)
    if dist.is_initialized():
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
