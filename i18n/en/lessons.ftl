# The lessons panel (the teach module): built-in lessons, goals, the editor, the QR code.
# Lesson texts are Markdown. A continuation line must not start with [ * or . (Fluent syntax).

lessons-list-title = Lessons
lessons-list-reached = ✓ reached
lessons-list-not-reached = not yet
lesson-region = Lesson
lesson-goal-label = Goal:
lesson-no-goal = This lesson has no goal: explore.
lesson-show-hint = Show hint
lesson-no-more-hints = No more hints
lesson-hint-label = Hint { $n }:
lesson-next = Next lesson
lesson-close = Close
lesson-success = Well done! Goal reached at epoch { $epoch }.
lesson-notice-title = Parts of this lesson link were ignored:
lesson-percent = { $value } %

lesson-metric-testloss = Test loss
lesson-metric-trainloss = Training loss
lesson-metric-testacc = Test accuracy
lesson-metric-trainacc = Training accuracy
lesson-metric-testf1 = Test F1
lesson-metric-testr2 = Test R²
lesson-metric-diverged = The run diverges
lesson-cmp-lt = below
lesson-cmp-le = at most
lesson-cmp-ge = at least
lesson-cmp-gt = above

lesson-goal-metric = { $metric } { $cmp } { $value }
lesson-goal-diverge = Make the training diverge
lesson-goal-neurons = { " " }with at most { $n } hidden neurons
lesson-goal-layers = { " " }with at most { $n } hidden layers
lesson-goal-no-layers = { " " }with no hidden layer
lesson-goal-within = { " " }within { $n } epochs

lesson-status-waiting = Epoch { $epoch }: press Play.
lesson-status-pending = Epoch { $epoch }: { $metric } { $value }
lesson-status-not-yet = Epoch { $epoch }: not yet.
lesson-status-reached = Goal reached at epoch { $epoch }
lesson-status-out = The goal was not met within { $n } epochs: change something and press Reset.
lesson-status-too-big = The network is too big for this goal ({ $neurons } hidden neurons in { $layers } layers).

lesson-problem-unknown-key = unknown key “{ $key }” ignored
lesson-problem-bad-goal = goal field { $key }=“{ $value }” is not valid, so the goal was ignored
lesson-problem-goal-metric = the goal names no metric, so it was ignored
lesson-problem-text-long = the text has { $chars } characters; only the first { $limit } are shown
lesson-problem-title-long = the title has { $chars } characters; cut to { $limit }
lesson-problem-hint-long = hint { $hint } has { $chars } characters; cut to { $limit }
lesson-problem-hints = { $hints } hints; only the first { $limit } are kept
lesson-error-unknown = “{ $value }” is not a lesson; the setup was loaded without it
lesson-error-unreadable = the lesson cannot be read ({ $reason }); the setup was loaded without it
lesson-error-not-text = the lesson is not text; the setup was loaded without it

editor-title = Make a lesson
editor-intro = The lesson uses the playground's current setup. Students who open the link see your text, the goal and their progress.
editor-field-title = Title
editor-field-text = Text
editor-text-help = Markdown: **bold**, *italic*, lists, links. HTML is shown as text.
editor-goal = Goal
editor-metric = Metric
editor-metric-none = No goal
editor-comparison = Comparison
editor-threshold = Threshold
editor-within = Within epochs
editor-max-neurons = At most hidden neurons
editor-max-layers = At most hidden layers
editor-hints = Hints (one per line)
editor-hide = Controls to hide
editor-link = Lesson link
editor-copy = Copy
editor-copied = Copied
editor-open = Open the lesson

qr-title = QR code of this link
qr-too-long = This link is too long for a QR code ({ $n } characters). Share a link without an embedded file.

lesson-neuron-title = 1. A single neuron draws a line
lesson-neuron-text =
    A network without hidden layers is a single neuron: it adds up the inputs, each times a weight, and squashes the sum.
    Where the sum is zero it draws a **straight line**, and that line is all it can do.

    Press **Play** and watch the line turn until it separates the two clouds of points.
lesson-neuron-hint1 = Look at the big picture: the boundary between orange and blue is always straight.
lesson-neuron-hint2 = Just press Play and wait a few seconds: these two clouds can be split by a line.

lesson-xor-title = 2. Why hidden layers: XOR
lesson-xor-text =
    In XOR the blue points sit in two opposite corners and the orange ones in the other two. No straight line separates them,
    so a single neuron cannot learn it: press Play and see it fail.

    Add a **hidden layer** with a few neurons (the + button above the layers) and train again.
lesson-xor-hint1 = Each hidden neuron draws its own line; the output neuron combines them into a bent boundary.
lesson-xor-hint2 = Press “+” over the hidden layers to add one, then give it 4 neurons.
lesson-xor-hint3 = After changing the network, press Reset and Play.

lesson-features-title = 3. Features versus depth: the circle
lesson-features-text =
    The blue points lie inside a circle, the orange ones around it. A single neuron on X₁ and X₂ only draws lines.

    Instead of adding layers, give the neuron better **features**: X₁² and X₂². A circle is x₁² + x₂² = r², a straight line in those features.
lesson-features-hint1 = Click the X₁² and X₂² squares in the inputs column to switch them on.
lesson-features-hint2 = The goal allows no hidden layer: the work must be done by the features.

lesson-activations-title = 4. Activations
lesson-activations-text =
    This network has two hidden layers, but its activation is **linear**. A stack of linear layers is still one linear function,
    so it draws a line however deep it is.

    Try another activation: tanh, ReLU or sigmoid, and compare the shapes of the boundary.
lesson-activations-hint1 = The Activation select is above the network.
lesson-activations-hint2 = tanh gives smooth curves, ReLU gives boundaries made of straight pieces.

lesson-lr-small-title = 5. Learning rate: too small
lesson-lr-small-text =
    The learning rate is the size of each step down the loss. Here it is tiny (0.0001): press Play and watch the loss curve. It barely moves.

    Raise the learning rate until the network learns quickly.
lesson-lr-small-hint1 = Each step moves the weights by the learning rate times the gradient: tiny steps, tiny progress.
lesson-lr-small-hint2 = Try 0.03 or 0.1.

lesson-lr-large-title = 6. Learning rate: too large
lesson-lr-large-text =
    Now the other side. With a very large learning rate each step **overshoots** the valley of the loss,
    lands higher on the other side, and the next step overshoots even more: the loss grows instead of shrinking until the numbers blow up.
    That is called **divergence**.

    Your goal: make this run diverge, and read the page's explanation when it stops.
lesson-lr-large-hint1 = Set the learning rate to 3 or 10 and press Play.
lesson-lr-large-hint2 = The page stops the run when the loss is no longer a number and goes back to the last good weights.

lesson-batch-title = 7. Batch size and noisy updates
lesson-batch-text =
    The network updates its weights after each **batch** of points. With a big batch the gradient is accurate but there are few steps per epoch;
    with a small batch the steps are noisy but many.

    Make the batch smaller and compare the loss curves: faster in epochs, but more jagged.
lesson-batch-hint1 = The batch size slider is with the training controls.
lesson-batch-hint2 = Try a batch of 4, then press Reset and Play.

lesson-optimizers-title = 8. Optimizers on the spiral
lesson-optimizers-text =
    Plain SGD takes the same kind of step everywhere. **Momentum** keeps some speed from the previous steps, and **Adam** scales each weight's step
    by how large its gradients have been.

    The spiral is hard: compare SGD with Adam and reach the goal.
lesson-optimizers-hint1 = Pick Adam in the Optimizer select.
lesson-optimizers-hint2 = Adam likes a learning rate around 0.01.
lesson-optimizers-hint3 = Press Reset after changing the optimizer so both start from the same weights.

lesson-schedules-title = 9. Learning-rate schedules
lesson-schedules-text =
    A large learning rate makes quick progress at first but then jumps around the minimum. A **schedule** lowers the rate as training goes on:
    big steps first, small steps at the end.

    Keep the learning rate of 1, add a schedule, and bring the training loss down.
lesson-schedules-hint1 = Choose a step schedule: the rate is multiplied by a factor every so many epochs.
lesson-schedules-hint2 = Every 50 epochs with a factor of 0.3 works well here.

lesson-overfitting-title = 10. Overfitting
lesson-overfitting-text =
    Few points, much noise and a big network: the network learns the noise. Watch the two loss curves: the training loss keeps falling
    while the **test loss** goes up. That is **overfitting**.

    Reach a low test loss with a much smaller network and fewer inputs.
lesson-overfitting-hint1 = Test points are shown too: the boundary wraps around single noisy points.
lesson-overfitting-hint2 = Remove layers and neurons: at most 4 hidden neurons in all.
lesson-overfitting-hint3 = One hidden layer with 2 neurons and only the inputs X₁² and X₂² are enough.

lesson-regularization-title = 11. L1/L2, dropout and early stopping
lesson-regularization-text =
    The same overfitting network, but now keep its size. Three remedies:

    - **L2** pulls every weight toward zero, **L1** sets many weights to exactly zero;
    - **dropout** switches random neurons off while training, so no neuron can rely on another;
    - **early stopping** ends the run when the test loss stops improving.

    Use them to bring the test loss down.
lesson-regularization-hint1 = Try L2 with a rate of 0.03.
lesson-regularization-hint2 = Dropout of 0.2 on the hidden layers also helps.
lesson-regularization-hint3 = After changing a setting, press Reset and Play.

lesson-classes-title = 12. Several classes: softmax and the confusion matrix
lesson-classes-text =
    With three classes the network has one output per class, and **softmax** turns them into probabilities that add up to 1.
    The **confusion matrix** counts, for each true class, what the network predicted.

    Reach 95 % test accuracy, then read the confusion matrix: which classes does it mix up?
lesson-classes-hint1 = The classes are rings inside rings: lines alone cannot separate them.
lesson-classes-hint2 = Add two hidden layers with 8 neurons each.
lesson-classes-hint3 = The confusion matrix is with the metrics under the picture.

lesson-csv-title = 13. Your own CSV file
lesson-csv-text =
    Everything so far used made-up points. First train this network on the moons and reach the goal.

    Then open **Your data** and load a CSV file of your own (or the sample moons.csv): pick the columns to learn from and the column to predict,
    and the same network trains on your data.
lesson-csv-hint1 = A CSV file has one row per example and one column per value; the first row names the columns.
lesson-csv-hint2 = Numbers are features; a column of words can be the class to predict.
lesson-csv-hint3 = Small files travel inside the link, so you can share your data set with the class.

lesson-augmentation-title = 14. Data augmentation
lesson-augmentation-text =
    Few points and much noise again: the network learns the noise, the training loss falls and the **test loss** stays high.
    Instead of shrinking the network, **augment the data**: every epoch trains on a fresh variation of the training points,
    so the network cannot learn any single noisy point by heart.

    Open **Make it small, make it generalise**, choose an augmentation, then press Reset and Play, and bring the test loss down.
    Watch the gap between the two loss curves.
lesson-augmentation-hint1 = The circle looks the same in a mirror, and a point moved a little keeps its class: jitter and flips fit this data.
lesson-augmentation-hint2 = Choose "Jitter and flips" under Augmentation, press Reset, then Play.
lesson-augmentation-hint3 = On xor a flip changes the class: there, flips would teach the network something false. An augmentation must keep the labels true.

# The "Hide controls…" dialog (src/web/teach/hide.rs).
hide-title = Hide controls in the shared link
hide-hint = Tick what your students should not see. The link below updates as you tick.
hide-presets = Presets
start-from = Start from
preset-beginner = Beginner
preset-intermediate = Intermediate
preset-everything = Everything
hide-link-label = Link with hidden controls
hide-copy = Copy link with hidden controls
close = Close

## The Help dialog (keys-): shortcuts, keyboard and screen readers
keys-title = Help: keyboard and screen readers
keys-key-space = Space
keys-do-play = Play or pause training
keys-key-right = →
keys-do-step = Train exactly one epoch
keys-key-r = R
keys-do-reset = Reset the network to epoch 0
keys-key-help = ?
keys-do-help = Open this help
keys-key-tab = Tab, Shift+Tab
keys-do-tab = Move through every control in reading order: the header, the training controls, the data, the network (its inputs are check boxes, each layer has + and − buttons), the output and the charts
keys-key-esc = Esc
keys-do-esc = Close a dialog, a menu or the weight editor; the focus goes back to where it was
keys-where = The shortcuts work anywhere on the page except while you type in a field, a list or a slider, and not with Ctrl, Alt or ⌘. On a focused button, Space presses that button.
keys-sr-title = With a screen reader
keys-sr = While training, the page says the epoch, the training and test loss and the test accuracy (or R²) at most every 5 seconds, and once more when training pauses. The picture of the decision boundary is described in words: the test accuracy and which colour or class covers which part. The charts and every neuron's picture have names, and notices and errors are read out when they appear.
