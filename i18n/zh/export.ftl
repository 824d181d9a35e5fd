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

# 模型文件（src/export/model_file、src/web/export/model.rs）
model-saved = 已保存 { $name }：{ $layers } 个权重层，第 { $epoch } 轮。
model-opened = 已打开 { $name }：第 { $epoch } 轮。
model-open-failed = 无法打开 { $name }；当前的训练没有改变。
model-unreadable = 浏览器无法读取该文件：{ $reason }
model-e-empty = 文件是空的。
model-e-json = 第 { $line } 行第 { $column } 列：{ $message }。
model-e-format = 这不是 nnplay 模型文件（格式为“{ $format }”，应为“nnplay-model”）。
model-e-version = 该模型文件的版本是 { $found }；本页面读取版本 { $supported }。
model-e-setup = 文件的设置中有本页面无法使用的项：{ $problems }。
model-e-sizes = 文件的层大小 { $file } 与其设置的 { $setup } 不符。
model-e-layers = 文件有 { $found } 个权重层；其设置有 { $expected } 个。
model-e-rows = 第 { $layer } 个权重层有 { $found } 行权重；其设置在该层有 { $expected } 个神经元。
model-e-biases = 第 { $layer } 个权重层有 { $found } 个偏置；其设置在该层有 { $expected } 个神经元。
model-e-row = 第 { $layer } 个权重层第 { $row } 行有 { $found } 个权重；其设置在该层有 { $expected } 个输入。
model-e-activation = 第 { $layer } 个权重层的激活函数是“{ $found }”；其设置使用“{ $expected }”。
model-e-weight = 第 { $layer } 个权重层第 { $row } 行的第 { $column } 个权重不是有限数。
model-e-bias = 第 { $layer } 个权重层的第 { $row } 个偏置不是有限数。
model-e-no-data = 该设置使用导入的数据训练，但文件中没有“data”部分。
model-e-no-file = 该设置使用导入的文件（{ $columns }）训练，但链接和模型文件都没有携带它。
model-e-file = 内嵌的数据文件已损坏：{ $problem }。
model-e-file-size = 内嵌的数据文件有 { $found } 字节；模型文件中写的是 { $expected }。
model-e-file-columns = 内嵌的数据文件的列是 { $found }；设置需要 { $expected }。
