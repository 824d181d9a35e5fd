# Explanations beside the controls (on hover and keyboard focus) and the glossary. Fetched by the
# page the first time one is shown (web::help), so they add nothing to the first load.

## Controls

help-data = The points to learn. Each shape needs another boundary: start simple, then try the spiral.
help-problem = Classification predicts a class (a colour); regression predicts a number. It sets the output and the loss.
help-noise = Moves each point at random. Noisy points blur the classes; a network that follows them overfits.
help-train = The share of points trained on. The rest is the test set, which shows how well the network generalises.
help-batch = Points per weight update. Small batches: many noisy steps. Large ones: fewer, smoother steps.
help-lr = How far each update moves the weights against the gradient. Too small: slow. Too large: the loss jumps or becomes NaN.
help-opt = How a gradient becomes a step. SGD steps straight down; Momentum averages past gradients; Adam also scales each weight's step (use a smaller learning rate).
help-sched = Changes the learning rate over the epochs (steps, decay, cosine, warm-up): large steps first, fine ones later. The plot shows the rate.
help-loss = What training makes smaller: how wrong the predictions are. Cross-entropy for classes, squared error for numbers.
help-init = The random starting weights. Glorot and He keep signals a sensible size; with Zeros all neurons stay alike.
help-act = The nonlinearity of the hidden neurons. Without one, layers add up to a straight line. ReLU is fast but units can die; tanh is smooth.
help-reg = Penalises large weights. L2 adds λ·½Σw² to the loss and shrinks every weight; L1 adds λ·Σ|w| and sets some to zero. Against overfitting.
help-rr = λ, the strength of the penalty. Too large and the boundary becomes too simple (underfitting).
help-net = Hidden layers and their neurons. More can draw more complex shapes, but trains slower and overfits more easily.
help-in = What the network sees. Features such as X₁² or sin(X₁) can make a problem easy for a small network.
help-test = Also draws the test points, which the network never trains on.
help-disc = Shows hard class regions instead of shades of confidence.
help-regen = Draws new random points (a new seed).
help-play = Starts or pauses training.
help-step = Trains exactly one epoch.
help-reset = Back to epoch 0 and the starting weights (the seed fixes them, so a run replays).
help-text = What the page shows.
help-speed = How fast Play trains. The result does not depend on it.
help-out = The output neuron's function: tanh for two classes, softmax for more, none (linear) for a number.
help-clip = Caps the length (L2 norm) of each step's gradient, so one bad batch cannot throw the weights far.
help-shuffle = A new order of the training points each epoch, so batches differ.
help-es = Stops when the validation loss (without a validation share, the training loss) has not improved for “patience” epochs; can go back to the best weights.
help-stop = Stops at an epoch, or when the training loss or accuracy reaches a target.
help-val = Points kept out of training to watch for overfitting and for early stopping; the test set stays untouched.
help-classes = How many classes the data has; more than two train through a softmax output.
help-drop = In training, zeroes a random share p of this layer's outputs and scales the rest by 1/(1−p). Against overfitting; off when testing.
help-csv = Train on your own CSV file; it never leaves this browser.
help-opts = More training settings.
help-diagram = The network: lines are weights, squares are neurons.
help-metrics = Scores on the training and test points.
help-charts = How the run went, epoch by epoch.
help-share = Share this setup as a link.
help-search = Trains many variants of this setup and ranks them.
help-draw = Draw your own points on the picture: a click adds one of the chosen class, a drag sprays several. The network then trains on exactly what you drew.
help-lessons = A course of lessons with goals the page checks while you train; Make a lesson turns this setup into a lesson link for your students.

## Metrics and optimizer settings

help-accuracy = The share of points classified right. Misleading when one class is rare.
help-precision = TP / (TP + FP): of the points predicted as a class, the share that are. Averaged over the classes.
help-recall = TP / (TP + FN): of the points of a class, the share found. Averaged over the classes.
help-f1 = The harmonic mean of precision and recall: high only when both are.
help-mse = The mean of the squared errors: large errors count most.
help-mae = The mean of the absolute errors, in the target's units.
help-r2 = 1 − MSE / variance: 1 is perfect, 0 is no better than always predicting the mean.
help-momentum = μ: how much of the previous step each step keeps (0.9 remembers about 10 steps). Speeds up long valleys.
help-betas = β1 averages the gradients (like momentum), β2 their squares, which scale each weight's step.
help-present = Large type and thick lines for a projector. Kept in the link.

## Glossary

term-epoch = Epoch
gloss-epoch = One pass over all training points.
term-batch = Batch
term-lr = Learning rate
term-loss = Loss
gloss-loss = A number that says how wrong the predictions are; training makes it smaller.
term-gradient = Gradient
gloss-gradient = How the loss changes with each weight; a step against it lowers the loss.
term-optimizer = Optimizer
term-schedule = Schedule
term-neuron = Neuron
gloss-neuron = Adds its weighted inputs and a bias, then applies an activation.
term-layer = Layer
gloss-layer = Neurons that all take the same inputs; hidden layers sit between input and output.
term-weight = Weight
gloss-weight = The strength of a connection, learned in training.
term-bias = Bias
gloss-bias = A neuron's own offset, added to its weighted inputs.
term-activation = Activation
term-softmax = Softmax
gloss-softmax = Turns one number per class into probabilities that add up to 1.
term-feature = Feature
term-overfitting = Overfitting
gloss-overfitting = Learning the training points, noise included, instead of the pattern: the training loss falls, the test loss rises.
term-regularization = Regularisation
gloss-regularization = Anything that keeps a network simple to fight overfitting: a weight penalty, dropout, early stopping.
term-dropout = Dropout
term-validation = Validation set
term-test = Test set
gloss-test = Points never trained on; their loss shows how well the network generalises.
term-early-stopping = Early stopping
term-precision = Precision
term-recall = Recall
