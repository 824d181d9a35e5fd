# 训练场页面。

## Header

language-label = 语言
