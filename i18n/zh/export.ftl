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
# Export → PyTorch and Export → Optuna (src/web/export/pytorch.rs).
torch-failed = 无法生成 PyTorch 脚本。
torch-optuna-failed = 无法生成 Optuna 研究脚本。
torch-no-search-title = 没有可导出的搜索
torch-no-search = “导出 → Optuna”会把链接中的搜索写成一个 Optuna 研究：请先设置并运行一次搜索（“搜索”按钮），然后再导出。
torch-no-data = 这个设置使用的导入文件没有加载；请重新导入。
torch-weight-not-finite = 第 { $index } 个权重（按各层先权重后偏置计数）不是有限数。
torch-data-not-finite = 第 { $index } 个数据值不是有限数。
