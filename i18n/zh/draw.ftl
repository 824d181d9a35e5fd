# 自己画数据（src/drawn、src/web/draw_tool.rs）。

draw-button = 画点
draw-button-title = 在输出图上画出自己的数据点
draw-dataset = 手绘数据
draw-class-group = 画点的类别
draw-class = 类别 { $n }
draw-value = 画点的数值
draw-erase = 擦除
draw-clear = 清除所有点
draw-status = 已有 { $count } 个点，最多 { $max } 个。单击添加一个点，拖动可一次喷出多个点。
draw-full = 点数已满（{ $max } 个）：请先擦除一些再添加。

draw-error-missing = 缺少手绘的数据点（draw=…）
draw-error-unpack = 手绘数据点无效（不是 base64url 编码，或无法解压）
draw-error-format = 手绘数据点不符合 nnplay 的格式（最多 { $max } 个点，2 到 16 个类别或数值）
draw-error-point = 第 { $point } 个手绘数据点在图外，或其类别不属于这个数据集
# 链接中的手绘数据无法使用的原因。
draw-error-fallback = { $problem }；改用默认数据集
