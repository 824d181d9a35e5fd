# 导出模块（src/web/export）：保存模型、打开模型、导出、打开链接。

export-menu-title = 导出
export-numpy = NumPy
export-pytorch = PyTorch
export-optuna = Optuna
export-boundary-png = 边界图 PNG
export-charts = 图表
export-network-svg = 网络 SVG
export-history-csv = 历史 CSV
export-no-page = 无法读取页面的训练；请在图片画出后再试一次。
export-not-ready = 这个导出还不可用。

# 导出 → NumPy（src/web/export/numpy.rs）
numpy-failed = 无法生成 NumPy 文件。
numpy-error-file = 正在训练的导入文件没有加载：请重新导入。
numpy-error-other-file = 在训练的文件之后又打开了另一个文件：请重新导入正在训练的文件。
numpy-error-inputs = 数据给出 { $data } 个输入，但网络需要 { $network } 个。
