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

imported-data = Imported data
auto-input =
    .placeholder = auto
mapping-hint = Tick the columns to use as features; pick the target. Types and summaries are per column.
target-column = Target column
target-type = Target type
missing-values = Missing values
outlier-clip = Outlier clipping
validation-rows = Validation rows
row-names = Name rows by
    .title = What names each row in the predictions file
csv-use = Train on this data
download-data = Download cleaned data
download-predictions = Download predictions
explain-title = What is going on here?
explain-1 = Each point is a row of your file, coloured by its class (or by its value, for a number to predict). With two inputs the big square is their plane; with more, it is a plane through the data: the rows' first two principal components, or two inputs you choose while the others are held fixed. The network learns to predict the target from all inputs; each small square shows what one neuron responds to on that plane.
explain-2 = Each point is a sample with two coordinates, X<sub>1</sub> and X<sub>2</sub>, coloured by its class: <span class="swatch neg"></span> orange is −1, <span class="swatch pos"></span> blue is +1. The network learns to tell them apart. The big square shows what the network currently predicts for every position; each small square shows what one neuron responds to.
explain-3 = Press <strong>Play</strong> to train. Every <em>epoch</em> shows all training points to the network once, in batches; after each batch the weights move a little against the gradient of the loss, scaled by the <em>learning rate</em>. Lines are weights: blue positive, orange negative, thicker is larger. Hover over a line or a neuron to read its value, click to change it.
explain-4 = The second row holds what a course on training covers: the <em>loss</em> and the output layer, how weights start (<em>initialization</em>; try Zeros to see why symmetry must be broken), a <em>learning rate schedule</em> (its plot marks where the run is), gradient clipping, shuffling, and rules that stop a run by themselves (early stopping watches the loss on the <em>validation share</em>). Each hidden layer picks its own nonlinearity and <em>dropout</em> under its heading. Data sets with more than two classes (spiral arms, blobs, class rings) train through a softmax output; every class gets a colour.
explain-5 = Under the playground: accuracy per epoch, the confusion matrix (which class the network confuses with which), and each layer's gradient size, where vanishing or exploding gradients show up as lines that sink or climb.
explain-6 = If the loss becomes <em>NaN</em> the learning rate was too large: the weights grew without bound. Lower it and press Reset. Every setting, including the random seed, is in the page's address: copy the link to share the exact same run.
auto-skipped = auto ({ $n })
row-number = Row number
clip-sigmas = At { $v } standard deviations
col-missing = {" "}· { $n } missing
col-numeric = numeric · { $min }–{ $max } · mean { $mean }{ $missing } · { $distinct } distinct
col-categorical = categorical · { $n } values{ $missing }: { $levels }
col-empty = empty
col-type = Type of { $name }
col-target = target ·{" "}
detected = { $kind } (detected)
read-as = {" "}· read as { $kind }
not-ticked = {" "}· not ticked: { $why }
same-data = the same data
proposed-target = Proposed target: ‘{ $name }’ ({ $why }).
named-why = ‘{ $name }’ ({ $why })
not-ticked-features = {" "}Not ticked as features: { $out }.
change-below = {" "}Change any of it below.
mapping-unusable = This mapping cannot be used: { $m }.
lines-skipped = {" "}· { $n } leading line(s) skipped (see “Skip first lines”)
table-summary-header = { $rows } rows × { $columns } columns · { $sep } · first row holds column names{ $skipped }
table-summary-data = { $rows } rows × { $columns } columns · { $sep } · first row is data{ $skipped }
report-features = { $n } features ({ $names }) · { $train } training rows, { $test } test rows
report-classes = { $n } classes in training: { $classes }
report-no-target = { $n } rows without a target dropped
report-dropped = { $n } rows with missing values dropped
report-clipped = { $n } outlying values clipped
row-value = row { $row }: ‘{ $t }’
report-stray = { $n } stray value in '{ $column }' treated as missing ({ $rows })
report-strays = { $n } stray values in '{ $column }' treated as missing ({ $rows })
report-imputed = { $n } missing values of '{ $column }' filled in
report-ready = Ready: { $parts }.
preparing = Preparing…
in-use-pca = {" "}The picture shows the rows on their first two principal components, the plane where they spread most; under it you can pick a plane of two inputs instead.
in-use-validation = {" "}{ $p }% of the rows are held out for validation: early stopping (Training options) can watch them and keep the best weights.
in-use = Training on this data: { $n } inputs. Press Play.{ $picture }{ $stopping }

# The advanced panel's explanations (issue 17).
help-prune = Pruning removes this share of the weights, those with the smallest size, from the trained network now: the picture and the numbers show at once what is left. Training on keeps the removed weights at 0 (fine-tuning). The link can also prune gradually while training (prune-from and prune-to, Zhu & Gupta 2017).
help-prune-by = Which weights go: the smallest in the whole network, the smallest in each layer, or whole hidden neurons (those whose incoming weights are smallest), which makes the network narrower.
help-quant = Stores each weight in fewer bits: 8 bits give 256 levels, 2 bits four, 1 bit only the sign times one scale. The picture and the numbers then show the quantized network; the model size shrinks about as much. The link can also train with quantized weights (quant-train=1).
help-norm = Normalizes this layer's values, then learns a scale and shift for each neuron. Batch norm uses each minibatch's mean and spread in training and their running averages when testing; layer norm uses each point's own layer. Deep networks train faster and at higher learning rates.
help-norm-at = Before the nonlinearity (as batch norm was introduced) the neuron's input sum is normalized; after it, its output.
help-aug = Each epoch trains on a fresh variation of the training points: jitter adds noise, rotate turns the plane, flip mirrors it, mixup blends pairs of points and their labels. With few points, this narrows the gap between training and test loss. Imported files get jitter and mixup (rotate and flip need two features). “Show augmented points” draws them as faint dots.
