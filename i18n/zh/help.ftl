# 说明功能在页面上的文字：术语表按钮与对话框、演示视图开关。
# 说明文字本身在 explain.ftl 中，首次需要时才加载。

glossary-open = 术语表
glossary-title = 术语表
glossary-close = 关闭
present-toggle = 演示视图
