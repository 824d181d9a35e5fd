# 控件旁的说明（悬停或键盘聚焦时显示）与术语表。页面在第一次显示时才加载（web::help），
# 因此不增加首次加载的大小。

## 控件

help-data = 要学习的数据点。不同形状需要不同的决策边界：先从简单的开始，再试试螺旋。
help-problem = 分类预测类别（颜色），回归预测一个数值。它决定输出层和损失函数。
help-noise = 随机挪动每个点。噪声越大，类别越模糊；网络若去拟合这些噪声就会过拟合。
help-train = 用于训练的数据点比例。其余的是测试集，用来检验网络的泛化能力。
help-batch = 每次更新权重所用的点数。批越小，步数越多、越嘈杂；批越大，步数越少、越平稳。
help-lr = 每次更新时权重沿梯度反方向移动的幅度。太小：学得慢；太大：损失来回跳动，甚至变成 NaN。
help-opt = 如何把梯度变成一步更新。SGD 直接沿梯度下降；Momentum（动量）对过去的梯度求平均；Adam 还会为每个权重单独调整步长（需要更小的学习率）。
help-sched = 随轮次改变学习率（阶梯、衰减、余弦、预热）：先迈大步，后走细步。下方曲线显示当前学习率。
help-loss = 训练要减小的量：衡量预测错得有多厉害。分类用交叉熵，回归用平方误差。
help-init = 权重的随机初始值。Glorot 和 He 能让信号保持合适的大小；全零初始化会让所有神经元学成一样。
help-act = 隐藏神经元的非线性函数。没有它，多层叠加仍然只是一条直线。ReLU 快，但神经元可能“死亡”；tanh 较平滑。
help-reg = 惩罚过大的权重。L2 在损失中加上 λ·½Σw²，使所有权重收缩；L1 加上 λ·Σ|w|，使部分权重变为零。用于对抗过拟合。
help-rr = λ，即惩罚的强度。太大会使边界过于简单（欠拟合）。
help-net = 隐藏层及每层的神经元数。越多能画出越复杂的形状，但训练更慢，也更容易过拟合。
help-in = 网络看到的输入。像 X₁² 或 sin(X₁) 这样的特征能让小网络轻松解决问题。
help-test = 同时画出测试点，网络从不在这些点上训练。
help-disc = 只显示明确的类别区域，不显示置信度的深浅。
help-regen = 重新随机生成数据点（换一个种子）。
help-play = 开始或暂停训练。
help-step = 只训练一个轮次。
help-reset = 回到第 0 轮和初始权重（由种子决定，因此可以原样重现）。
help-text = 说明页面上显示的内容。
help-speed = 点击“播放”后的训练速度。结果与速度无关。
help-out = 输出神经元的函数：两类用 tanh，多类用 softmax，预测数值时不用（线性）。
help-clip = 限制每一步梯度的长度（L2 范数），避免某个糟糕的批把权重推得太远。
help-shuffle = 每个轮次重新打乱训练点的顺序，使每批的内容各不相同。
help-es = 当验证损失（没有验证集时为训练损失）连续“耐心”个轮次没有改善时停止训练；可选择恢复到最佳权重。
help-stop = 在指定轮次停止，或在训练损失、准确率达到目标时停止。
help-val = 不参与训练的点，用来观察是否过拟合并用于提前停止；测试集保持不动。
help-classes = 数据中的类别数；超过两类时通过 softmax 输出训练。
help-drop = 训练时随机将该层比例为 p 的输出置零，其余乘以 1/(1−p)。用于对抗过拟合；测试时关闭。
help-csv = 用你自己的 CSV 文件训练；文件不会离开这个浏览器。
help-opts = 更多训练设置。
help-diagram = 网络结构：线是权重，方块是神经元。
help-metrics = 训练点和测试点上的各项指标。
help-charts = 训练过程中每个轮次的变化。
help-share = 以链接形式分享当前设置。
help-search = 训练当前设置的多个变体并排序。
help-draw = 在图上画出你自己的数据点：单击添加一个所选类别的点，拖动则喷出多个。网络随后就用你画的点训练。
help-lessons = 一套带目标的课程，训练时页面会实时检查是否达成；“制作课程”可以把当前设置变成发给学生的课程链接。

## 指标与优化器参数

help-accuracy = 分类正确的点所占比例。某一类很少见时会产生误导。
help-precision = TP / (TP + FP)：被预测为某类的点中，真正属于该类的比例。对各类取平均。
help-recall = TP / (TP + FN)：某类的点中被找出来的比例。对各类取平均。
help-f1 = 精确率和召回率的调和平均：只有两者都高时才高。
help-mse = 误差平方的平均值：大误差的影响最大。
help-mae = 误差绝对值的平均值，单位与目标相同。
help-r2 = 1 − MSE / 方差：1 表示完美，0 表示不比总是预测平均值更好。
help-momentum = μ：每一步保留多少上一步的更新（0.9 约记住 10 步）。能在狭长的山谷中加速。
help-betas = β1 对梯度求平均（类似动量），β2 对梯度的平方求平均，用来调整每个权重的步长。
help-present = 为投影仪放大字体、加粗线条。会保存在链接中。

## 术语表

term-epoch = 轮次（Epoch）
gloss-epoch = 把所有训练点完整过一遍。
term-batch = 批（Batch）
term-lr = 学习率
term-loss = 损失
gloss-loss = 衡量预测错得有多厉害的数值；训练就是让它变小。
term-gradient = 梯度
gloss-gradient = 损失随每个权重变化的快慢和方向；沿它的反方向走一步，损失就会下降。
term-optimizer = 优化器
term-schedule = 学习率调度
term-neuron = 神经元
gloss-neuron = 把输入加权求和再加上偏置，然后通过激活函数。
term-layer = 层
gloss-layer = 接收相同输入的一组神经元；隐藏层位于输入和输出之间。
term-weight = 权重
gloss-weight = 连接的强度，在训练中学习得到。
term-bias = 偏置
gloss-bias = 神经元自身的偏移量，加在加权输入之和上。
term-activation = 激活函数
term-softmax = Softmax
gloss-softmax = 把每个类别的一个数值转换成总和为 1 的概率。
term-feature = 特征
term-overfitting = 过拟合
gloss-overfitting = 记住了训练点（连同噪声），而不是学到规律：训练损失下降，测试损失却上升。
term-regularization = 正则化
gloss-regularization = 让网络保持简单以对抗过拟合的各种方法：权重惩罚、Dropout、提前停止。
term-dropout = 丢弃法（Dropout）
term-validation = 验证集
term-test = 测试集
gloss-test = 从未用于训练的点；它们的损失反映网络的泛化能力。
term-early-stopping = 提前停止
term-precision = 精确率
term-recall = 召回率
