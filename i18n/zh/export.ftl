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
