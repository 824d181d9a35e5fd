# 课程面板（teach 模块）：内置课程、目标、课程编辑器、二维码。
# 课程正文是 Markdown。续行不能以 [ * 或 . 开头（Fluent 语法）。

lessons-list-title = 课程
lessons-list-reached = ✓ 已达成
lessons-list-not-reached = 尚未达成
lesson-region = 课程
lesson-goal-label = 目标：
lesson-no-goal = 这节课没有目标，自由探索吧。
lesson-show-hint = 显示提示
lesson-no-more-hints = 没有更多提示了
lesson-hint-label = 提示 { $n }：
lesson-next = 下一课
lesson-close = 关闭
lesson-success = 做得好！在第 { $epoch } 轮达成目标。
lesson-notice-title = 课程链接中有部分内容被忽略：
lesson-percent = { $value }%

lesson-metric-testloss = 测试损失
lesson-metric-trainloss = 训练损失
lesson-metric-testacc = 测试准确率
lesson-metric-trainacc = 训练准确率
lesson-metric-testf1 = 测试 F1
lesson-metric-testr2 = 测试 R²
lesson-metric-diverged = 训练发散
lesson-cmp-lt = 低于
lesson-cmp-le = 不高于
lesson-cmp-ge = 不低于
lesson-cmp-gt = 高于

lesson-goal-metric = { $metric }{ $cmp } { $value }
lesson-goal-diverge = 让训练发散
lesson-goal-neurons = ，隐藏神经元最多 { $n } 个
lesson-goal-layers = ，隐藏层最多 { $n } 层
lesson-goal-no-layers = ，不用隐藏层
lesson-goal-within = ，在 { $n } 轮之内

lesson-status-waiting = 第 { $epoch } 轮：请按“运行”。
lesson-status-pending = 第 { $epoch } 轮：{ $metric } { $value }
lesson-status-not-yet = 第 { $epoch } 轮：还没有达到。
lesson-status-reached = 已达成：第 { $epoch } 轮达到目标
lesson-status-out = { $n } 轮之内没有达成：改一改设置，再按“重置”。
lesson-status-too-big = 对这个目标来说网络太大了（{ $layers } 层共 { $neurons } 个隐藏神经元）。

lesson-problem-unknown-key = 未知的键“{ $key }”，已忽略
lesson-problem-bad-goal = 目标字段 { $key }=“{ $value }”无效，目标已忽略
lesson-problem-goal-metric = 目标没有指定指标，已忽略
lesson-problem-text-long = 正文有 { $chars } 个字符，只显示前 { $limit } 个
lesson-problem-title-long = 标题有 { $chars } 个字符，已截为 { $limit } 个
lesson-problem-hint-long = 第 { $hint } 条提示有 { $chars } 个字符，已截为 { $limit } 个
lesson-problem-hints = 共有 { $hints } 条提示，只保留前 { $limit } 条
lesson-error-unknown = “{ $value }”不是课程；已加载设置，但没有课程
lesson-error-unreadable = 无法读取课程（{ $reason }）；已加载设置，但没有课程
lesson-error-not-text = 课程内容不是文本；已加载设置，但没有课程

editor-title = 制作课程
editor-intro = 课程使用游乐场当前的设置。学生打开链接后，会看到你的正文、目标和自己的进度。
editor-field-title = 标题
editor-field-text = 正文
editor-text-help = 支持 Markdown：**粗体**、*斜体*、列表、链接。HTML 会按原文显示。
editor-goal = 目标
editor-metric = 指标
editor-metric-none = 不设目标
editor-comparison = 比较
editor-threshold = 阈值
editor-within = 轮数上限
editor-max-neurons = 隐藏神经元上限
editor-max-layers = 隐藏层上限
editor-hints = 提示（每行一条）
editor-hide = 要隐藏的控件
editor-link = 课程链接
editor-copy = 复制
editor-copied = 已复制
editor-open = 打开这节课

qr-title = 本链接的二维码
qr-too-long = 链接太长（{ $n } 个字符），无法生成二维码。请分享不含内嵌文件的链接。

lesson-neuron-title = 1. 单个神经元画出一条直线
lesson-neuron-text =
    没有隐藏层的网络就是一个神经元：它把每个输入乘以权重后相加，再把和压缩到一个范围内。和为零的地方构成一条**直线**，它能做的也就只有这一条线。

    按**运行**，看这条线怎样转动，直到把两团点分开。
lesson-neuron-hint1 = 看大图：橙色和蓝色之间的边界始终是直的。
lesson-neuron-hint2 = 直接按“运行”，等几秒钟：这两团点用一条直线就能分开。

lesson-xor-title = 2. 为什么需要隐藏层：异或（XOR）
lesson-xor-text =
    在异或数据里，蓝点在两个对角，橙点在另外两个对角。没有哪条直线能把它们分开，所以单个神经元学不会：按“运行”看看它怎么失败。

    加一个有几个神经元的**隐藏层**（层上方的 + 按钮），再训练一次。
lesson-xor-hint1 = 每个隐藏神经元各画一条直线，输出神经元再把它们组合成弯折的边界。
lesson-xor-hint2 = 点隐藏层上方的“+”加一层，再给它 4 个神经元。
lesson-xor-hint3 = 改完网络后，按“重置”再按“运行”。

lesson-features-title = 3. 特征与深度：圆形数据
lesson-features-text =
    蓝点在圆内，橙点在圆外。只用 X₁ 和 X₂ 的单个神经元只能画直线。

    不加层，而是给神经元更好的**特征**：X₁² 和 X₂²。圆的方程是 x₁² + x₂² = r²，在这两个特征上它正好是一条直线。
lesson-features-hint1 = 在输入那一列点 X₁² 和 X₂² 的方块，把它们打开。
lesson-features-hint2 = 这个目标不允许隐藏层：要靠特征来完成。

lesson-activations-title = 4. 激活函数
lesson-activations-text =
    这个网络有两个隐藏层，但激活函数是**线性**的。线性层叠在一起仍然是一个线性函数，所以不管多深，它画出的都是直线。

    换一个激活函数试试：tanh、ReLU 或 sigmoid，比较边界的形状。
lesson-activations-hint1 = “激活函数”下拉框在网络上方。
lesson-activations-hint2 = tanh 画出平滑的曲线，ReLU 的边界由一段段直线拼成。

lesson-lr-small-title = 5. 学习率太小
lesson-lr-small-text =
    学习率是沿着损失往下走的每一步的大小。这里它非常小（0.0001）：按“运行”，看损失曲线，几乎一动不动。

    把学习率调大，直到网络学得很快。
lesson-lr-small-hint1 = 每一步权重的变化等于学习率乘以梯度：步子很小，进展也很小。
lesson-lr-small-hint2 = 试试 0.03 或 0.1。

lesson-lr-large-title = 6. 学习率太大
lesson-lr-large-text =
    再看另一头。学习率很大时，每一步都会**冲过**损失的谷底，落到对面更高的地方，下一步冲得更远：损失不降反升，直到数值爆掉。这就叫**发散**。

    你的目标：让这次训练发散，并在它停下时读一读页面给出的解释。
lesson-lr-large-hint1 = 把学习率设为 3 或 10，再按“运行”。
lesson-lr-large-hint2 = 损失不再是数字时，页面会停止训练，并退回到最后一组正常的权重。

lesson-batch-title = 7. 批大小与带噪声的更新
lesson-batch-text =
    网络每处理完一**批**点就更新一次权重。批很大时梯度准确，但每轮只走几步；批很小时每一步都有噪声，但步数很多。

    把批调小，比较损失曲线：按轮数算学得更快，但曲线更加起伏。
lesson-batch-hint1 = “批大小”滑块在训练设置里。
lesson-batch-hint2 = 试试批大小 4，然后按“重置”和“运行”。

lesson-optimizers-title = 8. 在螺旋数据上比较优化器
lesson-optimizers-text =
    普通的 SGD 在哪里都迈同样的步子。**动量**（Momentum）保留前几步的一部分速度，**Adam** 则根据每个权重以往梯度的大小来调整它的步长。

    螺旋数据很难：比较 SGD 和 Adam，并达成目标。
lesson-optimizers-hint1 = 在“优化器”下拉框里选 Adam。
lesson-optimizers-hint2 = Adam 适合 0.01 左右的学习率。
lesson-optimizers-hint3 = 换优化器后按“重置”，让两者从同样的权重出发。

lesson-schedules-title = 9. 学习率调度
lesson-schedules-text =
    大学习率一开始进展很快，但之后会在最小值附近来回跳。**调度**会随着训练逐步降低学习率：先迈大步，最后迈小步。

    保持学习率 1 不变，加一个调度，把训练损失降下来。
lesson-schedules-hint1 = 选“阶梯”调度：每隔若干轮，学习率乘以一个系数。
lesson-schedules-hint2 = 这里每 50 轮乘以 0.3 效果很好。

lesson-overfitting-title = 10. 过拟合
lesson-overfitting-text =
    点很少、噪声很大、网络又很大：网络把噪声也学了进去。看两条损失曲线：训练损失一直在降，**测试损失**却在上升。这就是**过拟合**。

    用小得多的网络和更少的输入，达到较低的测试损失。
lesson-overfitting-hint1 = 图上也显示了测试点：边界绕着个别带噪声的点打转。
lesson-overfitting-hint2 = 删掉一些层和神经元：隐藏神经元总共最多 4 个。
lesson-overfitting-hint3 = 一个隐藏层、2 个神经元，输入只留 X₁² 和 X₂²，就够了。

lesson-regularization-title = 11. L1/L2、Dropout 与提前停止
lesson-regularization-text =
    还是那个过拟合的网络，但这次不改变它的大小。有三种办法：

    - **L2** 把每个权重往零拉，**L1** 会让许多权重恰好变成零；
    - **Dropout** 在训练时随机关掉一些神经元，让每个神经元都不能依赖别的神经元；
    - **提前停止**在测试损失不再改善时结束训练。

    用它们把测试损失降下来。
lesson-regularization-hint1 = 试试 L2，正则化率 0.03。
lesson-regularization-hint2 = 在隐藏层上加 0.2 的 Dropout 也有帮助。
lesson-regularization-hint3 = 改完设置后，按“重置”再按“运行”。

lesson-classes-title = 12. 多个类别：softmax 与混淆矩阵
lesson-classes-text =
    有三个类别时，网络每个类别对应一个输出，**softmax** 把这些输出变成加起来等于 1 的概率。**混淆矩阵**统计每个真实类别被网络预测成了什么。

    把测试准确率提高到 95%，再看混淆矩阵：网络把哪些类别搞混了？
lesson-classes-hint1 = 这些类别是一圈套一圈的环，光靠直线分不开。
lesson-classes-hint2 = 加两个隐藏层，每层 8 个神经元。
lesson-classes-hint3 = 混淆矩阵在图下方的指标里。

lesson-csv-title = 13. 使用你自己的 CSV 文件
lesson-csv-text =
    到目前为止用的都是生成的点。先在月牙数据上训练这个网络，达成目标。

    然后打开**你的数据**，载入你自己的 CSV 文件（或示例文件 moons.csv）：选择用来学习的列和要预测的列，同一个网络就会用你的数据来训练。
lesson-csv-hint1 = CSV 文件每一行是一个样本，每一列是一个值；第一行是列名。
lesson-csv-hint2 = 数字列是特征；由文字组成的列可以作为要预测的类别。
lesson-csv-hint3 = 小文件可以直接放进链接里，这样你就能把数据集分享给全班。

lesson-augmentation-title = 14. 数据增强
lesson-augmentation-text =
    又是点少、噪声多：网络学会了噪声，训练损失下降，而**测试损失**一直很高。
    这次不缩小网络，而是**增强数据**：每个周期都在训练点的新变体上训练，
    网络就无法死记任何一个带噪声的点。

    打开**变小，并更好地泛化**，选择一种数据增强，然后按“重置”和“播放”，把测试损失降下来。
    观察两条损失曲线之间的差距。
lesson-augmentation-hint1 = 圆在镜子里看起来一样，一个点稍微移动后类别不变：抖动和翻转适合这组数据。
lesson-augmentation-hint2 = 在“数据增强”中选择“抖动和翻转”，按“重置”，再按“播放”。
lesson-augmentation-hint3 = 在 xor 上，翻转会改变类别：那里翻转会教给网络错误的东西。数据增强必须保持标签正确。

# “隐藏控件…”对话框（src/web/teach/hide.rs）。
hide-title = 在分享链接中隐藏控件
hide-hint = 勾选不希望学生看到的内容。下面的链接会随勾选即时更新。
hide-presets = 预设
start-from = 从预设开始
preset-beginner = 初学者
preset-intermediate = 进阶
preset-everything = 全部
hide-link-label = 隐藏控件后的链接
hide-copy = 复制隐藏控件后的链接
close = 关闭

## The Help dialog (keys-): shortcuts, keyboard and screen readers
keys-title = 帮助：键盘与读屏软件
keys-key-space = 空格
keys-do-play = 开始或暂停训练
keys-key-right = →
keys-do-step = 只训练一轮
keys-key-r = R
keys-do-reset = 把网络重置到第 0 轮
keys-key-help = ?
keys-do-help = 打开本帮助
keys-key-tab = Tab、Shift+Tab
keys-do-tab = 按阅读顺序在所有控件之间移动：页头、训练控件、数据、网络（输入是复选框，每层有 + 和 − 按钮）、输出和图表
keys-key-esc = Esc
keys-do-esc = 关闭对话框、菜单或权重编辑框；焦点回到原来的位置
keys-where = 除了在输入框、列表或滑块中输入时，快捷键在页面任何地方都有效；按住 Ctrl、Alt 或 ⌘ 时无效。焦点在按钮上时，空格键按下该按钮。
keys-sr-title = 使用读屏软件
keys-sr = 训练时，页面最多每 5 秒朗读一次轮次、训练损失、测试损失和测试准确率（或 R²），训练暂停时再朗读一次。决策边界的图片有文字描述：测试准确率，以及哪种颜色或类别覆盖哪一部分。图表和每个神经元的图片都有名称，提示和错误出现时会被朗读。
