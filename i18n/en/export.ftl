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
