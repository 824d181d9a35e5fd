# 自己画数据（src/drawn、src/page/draw.rs、src/web/draw_tool.rs）。

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

## 链接中的手绘数据无法使用的原因（改为显示默认数据集）

draw-error-missing = 缺少手绘的数据点（draw=…）
draw-error-unpack = 手绘数据点无效（不是 base64url 编码，或无法解压）
draw-error-version = 手绘数据点的格式未知（版本 { $version }）
draw-error-classes = 手绘数据点有 { $classes } 个类别；只允许 2 到 { $max } 个，回归问题为 0
draw-error-too-many = 链接中有 { $count } 个手绘数据点；最多允许 { $max } 个
draw-error-length = 手绘数据点被截断或多出了内容（应为 { $expected } 字节，实际为 { $found } 字节）
draw-error-position = 第 { $point } 个手绘数据点在图外
draw-error-label = 第 { $point } 个手绘数据点的标签 { $label } 不属于这个数据集
draw-error-fallback = { $problem }；改用默认数据集
