# The export module (src/web/export): Save model, Open model, Export, Open link.

export-menu-title = Export
export-numpy = NumPy
export-pytorch = PyTorch
export-optuna = Optuna
export-boundary-png = Boundary PNG
export-charts = Charts
export-network-svg = Network SVG
export-history-csv = History CSV
export-no-page = The page's run could not be read; try again once the picture has been drawn.
export-not-ready = This export is not available yet.

# Export → NumPy (src/web/export/numpy.rs)
numpy-failed = The NumPy file could not be written.
numpy-error-file = The imported file in training is not loaded: import it again.
numpy-error-other-file = Another file was opened after the one in training: import the file in training again.
numpy-error-inputs = The data gives { $data } inputs but the network takes { $network }.
# Export → PyTorch and Export → Optuna (src/web/export/pytorch.rs).
torch-failed = The PyTorch script could not be written.
torch-optuna-failed = The Optuna study could not be written.
torch-no-search-title = No search to export
torch-no-search = Export → Optuna writes the search of the link as an Optuna study: set up and run a search first (the Search button), then export again.
torch-no-data = The setup trains on an imported file that is not loaded; import it again.
torch-weight-not-finite = Weight { $index } (counting every layer's weights, then its biases) is not a finite number.
torch-data-not-finite = Data value { $index } is not a finite number.

# Open link (src/web/export/link.rs) and TensorFlow Playground links (src/url/tfp.rs).
link-title = Open a link
link-label = Paste an nnplay or TensorFlow Playground link (or just its part after #)
link-placeholder = https://playground.tensorflow.org/#activation=tanh&…
link-cancel = Cancel
link-open = Open
link-empty = Paste a link first.
link-no-setup = This is not a link to a setup: it has no settings after #. Nothing was changed.
link-tfp-title = Opened a TensorFlow Playground link
link-tfp-carried = Carried over: { $list }.
link-tfp-seed = Its seed “{ $value }” is text for the Playground's own random generator; nnplay uses seed { $seed }, made from it (the same link gives the same run).
link-tfp-unknown-key = Not carried over: { $key }={ $value } is not a key the Playground knows.
link-tfp-bad-value = Not carried over: { $key }={ $value } is not a value the Playground reads; the default is kept.
link-tfp-unsupported = Not carried over: { $key }={ $value }: nnplay has no such setting.
link-tfp-points = nnplay generates its points with its own generator, so the points differ from the Playground's (same dataset, noise and split).
link-tfp-order = Trained in a fixed order (shuffling off), as the Playground trains.

# Pictures and numbers (src/web/export/pictures.rs).
pic-failed = The file could not be made
pic-boundary-title = Boundary PNG
pic-boundary-coarser = This network is large: the picture ({ $n } × { $n } pixels) was computed on a { $m } × { $m } grid and scaled up smoothly.
# Model files (src/export/model_file, src/web/export/model.rs)
model-saved = Saved { $name }: { $layers } weight layers, epoch { $epoch }.
model-opened = Opened { $name }: epoch { $epoch }.
model-open-failed = { $name } could not be opened; the current run is unchanged.
model-unreadable = The browser could not read the file: { $reason }
model-e-empty = The file is empty.
model-e-json = Line { $line }, column { $column }: { $message }.
model-e-format = This is not an nnplay model file (its format is “{ $format }”, expected “nnplay-model”).
model-e-version = This model file has version { $found }; this page reads version { $supported }.
model-e-setup = The file's setup has settings this page cannot use: { $problems }.
model-e-sizes = The file's layer sizes { $file } do not match its setup's { $setup }.
model-e-layers = The file has { $found } weight layers; its setup has { $expected }.
model-e-rows = Weight layer { $layer } has { $found } rows of weights; its setup has { $expected } neurons there.
model-e-biases = Weight layer { $layer } has { $found } biases; its setup has { $expected } neurons there.
model-e-row = Weight layer { $layer }, row { $row } has { $found } weights; its setup has { $expected } inputs there.
model-e-activation = Weight layer { $layer } has activation “{ $found }”; its setup uses “{ $expected }”.
model-e-weight = Weight layer { $layer }, row { $row }, weight { $column } is not a finite number.
model-e-bias = Weight layer { $layer }, bias { $row } is not a finite number.
model-e-no-data = The setup trains on imported data but the file has no “data” section.
model-e-no-file = The setup trains on an imported file ({ $columns }) that neither its link nor the model file carries.
model-e-file = The embedded data file is damaged: { $problem }.
model-e-file-size = The embedded data file has { $found } bytes; the model file says { $expected }.
model-e-file-columns = The embedded data file has the columns { $found }; the setup expects { $expected }.
model-norm-title = Saved without the normalization layers
model-no-norm = Its normalization layers' scales, shifts and running statistics are not in the file: opened again, it keeps the weights and starts them afresh, so its outputs differ.
