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
