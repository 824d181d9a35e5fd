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

# Open link (src/web/export/link.rs) and TensorFlow Playground links (src/url/tfp.rs).
link-title = 打开链接
link-label = 粘贴 nnplay 或 TensorFlow Playground 的链接（或只粘贴 # 之后的部分）
link-placeholder = https://playground.tensorflow.org/#activation=tanh&…
link-cancel = 取消
link-open = 打开
link-empty = 请先粘贴一个链接。
link-no-setup = 这不是一个设置链接：# 之后没有任何设置。没有做任何更改。
link-tfp-title = 已打开 TensorFlow Playground 链接
link-tfp-carried = 已沿用：{ $list }。
link-tfp-seed = 它的种子“{ $value }”是 Playground 自身随机数生成器的文本；nnplay 使用由它得出的种子 { $seed }（同一链接得到同一次运行）。
link-tfp-unknown-key = 未沿用：{ $key }={ $value } 不是 Playground 认识的键。
link-tfp-bad-value = 未沿用：{ $key }={ $value } 不是 Playground 能读取的值；保留默认值。
link-tfp-unsupported = 未沿用：{ $key }={ $value }：nnplay 没有这个设置。
link-tfp-points = nnplay 用自己的生成器生成数据点，所以点与 Playground 的不同（数据集、噪声和划分相同）。
link-tfp-order = 按固定顺序训练（不打乱），与 Playground 相同。

# Pictures and numbers (src/web/export/pictures.rs).
pic-failed = 无法生成文件
pic-boundary-title = 边界 PNG
pic-boundary-coarser = 这个网络较大：图片（{ $n } × { $n } 像素）是在 { $m } × { $m } 的网格上计算后平滑放大的。
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
model-norm-title = 已保存，但不含归一化层
model-no-norm = 文件中没有归一化层的缩放、平移和滑动统计量：再次打开时保留权重，但这些量从头开始，所以输出会不同。
