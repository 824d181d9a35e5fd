# 高级模块的文字（src/web/advanced）：面板的数字，以及量化网络旁边的浮点网络。
adv-percent = { $value } %
adv-params-value = { $all } 个中的 { $n } 个
adv-bytes-value = { $bytes } 字节（浮点为 { $float }）
adv-float-title = 浮点网络（量化之前）
adv-float-figures = 测试损失 { $loss } · { $metric }
adv-float-accuracy = 测试准确率 { $value }%
adv-float-r2 = 测试 R² { $value }
adv-float-picture =
    .aria-label = 浮点网络在平面上的输出，与主图中的量化网络对照
adv-float-wait = 正在等待训练…
adv-problem = 剪枝、量化与数据增强：{ $what }
adv-norm-at = 归一化的位置
adv-norm-before = 非线性之前
adv-norm-after = 非线性之后
# 数据增强：在输出图上用浅色小点显示当前轮次增强后的训练点。
adv-dots = 显示增强后的点
adv-quant-act = 同时量化激活值
