# The advanced module's words (src/web/advanced): the panel's figures and
# the float network beside the quantized one.
adv-percent = { $value } %
adv-params-value = { $n } of { $all }
adv-bytes-value = { $bytes } bytes ({ $float } as floats)
adv-float-title = Float network (before quantization)
adv-float-figures = Test loss { $loss } · { $metric }
adv-float-accuracy = test accuracy { $value } %
adv-float-r2 = test R² { $value }
adv-float-picture =
    .aria-label = The float network's output over the plane, beside the quantized one in the main picture
adv-float-wait = Waiting for the run…
adv-problem = Pruning, quantization and augmentation: { $what }
adv-norm-at = Where to normalize
adv-norm-before = before the nonlinearity
adv-norm-after = after the nonlinearity
# Augmentation: the current epoch's augmented training points as faint dots on the output picture.
adv-dots = Show augmented points
adv-quant-act = Quantize activations too
