def _activate(name, z):
    """The activation `name` of the pre-activations z (as nnplay computes it)."""
    if name == "relu":
        return np.maximum(z, np.float32(0))
    if name == "tanh":
        return np.tanh(z)
    if name == "sigmoid":
        with np.errstate(over="ignore"):
            return np.float32(1) / (np.float32(1) + np.exp(-z))
    if name == "leaky":
        return np.where(z > 0, z, np.float32(0.01) * z)
    if name == "elu":
        return np.where(z > 0, z, np.expm1(np.minimum(z, np.float32(0))))
    if name == "gelu":
        u = np.float32(0.7978846) * (z + np.float32(0.044715) * z * z * z)
        return np.float32(0.5) * z * (np.float32(1) + np.tanh(u))
    if name == "softplus":
        return np.maximum(z, np.float32(0)) + np.log1p(np.exp(-np.abs(z)))
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return z  # linear


def network(X):
    """The network's outputs (n, outputs) for its inputs X (n, len(INPUTS))."""
    a = np.asarray(X, dtype=np.float32).reshape(-1, len(INPUTS))
    for weights, biases, activation in LAYERS:
        a = _activate(activation, a @ weights.T + biases)
    return a

