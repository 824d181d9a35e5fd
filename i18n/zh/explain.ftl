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

## Fetched with the explanations: the article under the playground and the import panel's words (help::want_words)

imported-data = 导入的数据
auto-input =
    .placeholder = 自动
mapping-hint = 勾选用作特征的列，并选择目标列。类型和摘要按列给出。
target-column = 目标列
target-type = 目标类型
missing-values = 缺失值
outlier-clip = 离群值截断
validation-rows = 验证集行
row-names = 行的名称取自
    .title = 预测文件中用什么来命名每一行
csv-use = 用这些数据训练
download-data = 下载清洗后的数据
download-predictions = 下载预测结果
explain-title = 这里在发生什么？
explain-1 = 每个点是你文件中的一行，按类别着色（要预测的是数值时，按数值着色）。有两个输入时，大方块就是它们构成的平面；输入更多时，它是穿过数据的一个平面：各行的前两个主成分，或者你选定的两个输入，其余输入保持固定。网络学习根据所有输入预测目标；每个小方块显示一个神经元在该平面上的响应。
explain-2 = 每个点是一个样本，有两个坐标 X<sub>1</sub> 和 X<sub>2</sub>，按类别着色：<span class="swatch neg"></span> 橙色为 −1，<span class="swatch pos"></span> 蓝色为 +1。网络学习把它们区分开。大方块显示网络当前对每个位置的预测；每个小方块显示一个神经元的响应。
explain-3 = 按 <strong>运行</strong> 开始训练。每一<em>轮</em>训练把所有训练点分批给网络看一遍；每批之后，权重沿损失梯度的反方向移动一小步，步长由<em>学习率</em>决定。连线就是权重：蓝色为正，橙色为负，越粗绝对值越大。把鼠标停在连线或神经元上可以读出它的值，点击可以修改。
explain-4 = 第二行是训练课程会讲到的内容：<em>损失函数</em>和输出层，权重如何开始（<em>初始化</em>；试试“全零”，看看为什么必须打破对称性），<em>学习率调度</em>（它的曲线标出训练进行到哪里），梯度裁剪，打乱顺序，以及让训练自行停止的规则（提前停止观察的是<em>验证集</em>上的损失）。每个隐藏层在自己的标题下选择非线性函数和 <em>Dropout</em>。类别多于两个的数据集（螺旋臂、团簇、同心环）通过 softmax 输出训练；每个类别有自己的颜色。
explain-5 = 训练场下方：每轮的准确率，混淆矩阵（网络把哪个类别和哪个类别混淆），以及各层的梯度大小——梯度消失或爆炸会表现为下沉或攀升的曲线。
explain-6 = 如果损失变成 <em>NaN</em>，说明学习率太大了：权重无限增长。调低学习率并按“重置”。包括随机种子在内的每一项设置都在页面地址里：复制链接，就能分享完全相同的一次训练。
auto-skipped = 自动（{ $n }）
row-number = 行号
clip-sigmas = 截断在 { $v } 个标准差
col-missing = {" "}· 缺失 { $n } 个
col-numeric = 数值 · { $min }–{ $max } · 均值 { $mean }{ $missing } · { $distinct } 个不同值
col-categorical = 类别 · { $n } 个取值{ $missing }：{ $levels }
col-empty = 空
col-type = { $name } 的类型
col-target = 目标 ·{" "}
detected = { $kind }（检测结果）
read-as = {" "}· 按{ $kind }读取
not-ticked = {" "}· 未勾选：{ $why }
same-data = 同一份数据
proposed-target = 建议的目标列：“{ $name }”（{ $why }）。
named-why = “{ $name }”（{ $why }）
not-ticked-features = {" "}未勾选为特征：{ $out }。
change-below = {" "}可以在下面修改其中任何一项。
mapping-unusable = 无法使用这个映射：{ $m }。
lines-skipped = {" "}· 跳过了开头 { $n } 行（见“跳过开头几行”）
table-summary-header = { $rows } 行 × { $columns } 列 · { $sep } · 第一行是列名{ $skipped }
table-summary-data = { $rows } 行 × { $columns } 列 · { $sep } · 第一行是数据{ $skipped }
report-features = { $n } 个特征（{ $names }）· { $train } 行训练数据，{ $test } 行测试数据
report-classes = 训练集中有 { $n } 个类别：{ $classes }
report-no-target = 删除了 { $n } 行没有目标值的数据
report-dropped = 删除了 { $n } 行含缺失值的数据
report-clipped = 截断了 { $n } 个离群值
row-value = 第 { $row } 行：“{ $t }”
report-stray = “{ $column }”中的 { $n } 个异常值被当作缺失值（{ $rows }）
report-strays = “{ $column }”中的 { $n } 个异常值被当作缺失值（{ $rows }）
report-imputed = 填补了“{ $column }”中的 { $n } 个缺失值
report-ready = 就绪：{ $parts }。
preparing = 正在准备…
in-use-pca = {" "}图像按前两个主成分显示各行，即数据分布最分散的平面；你可以在图像下方改选两个输入构成的平面。
in-use-validation = {" "}{ $p }% 的行留作验证集：提前停止（训练选项）可以观察它们并保留最佳权重。
in-use = 正在用这些数据训练：{ $n } 个输入。按“运行”开始。{ $picture }{ $stopping }

# 高级面板的说明（议题 17）。
help-prune = 剪枝立即从训练好的网络中删去这一比例的权重（数值最小的那些）：图像和数字马上显示剩下的网络。继续训练时被删去的权重保持为 0（微调）。链接也可以在训练中逐步剪枝（prune-from 与 prune-to，Zhu 与 Gupta 2017）。
help-prune-by = 删去哪些权重：整个网络中最小的、每层中最小的，或整个隐藏神经元（输入权重最小的那些），后者让网络变窄。
help-quant = 用更少的位存储每个权重：8 位有 256 个等级，2 位只有四个，1 位只剩符号乘以一个比例。图像和数字随后显示量化后的网络；模型大小也相应变小。链接也可以用量化权重训练（quant-train=1）。
help-norm = 先把这一层的值归一化，再为每个神经元学习缩放和平移。批归一化在训练时用每个小批量的均值和离散度，测试时用它们的滑动平均；层归一化用每个点自己这一层的统计量。深层网络因此训练得更快，也能用更大的学习率。
help-norm-at = 放在非线性之前（批归一化最初的做法）归一化神经元的输入和；放在之后则归一化它的输出。
help-aug = 每个周期都在训练点的新变体上训练：抖动加噪声，旋转转动平面，翻转做镜像，mixup 混合成对的点和标签。训练点很少时，这能缩小训练与测试损失的差距。导入的文件可用抖动和 mixup（旋转和翻转需要恰好两个特征）。“显示增强后的点”用浅色小点画出它们。
