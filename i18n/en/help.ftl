# The page's words for the explanations: the Glossary button and dialog, the Presenter view toggle.
# The explanations themselves are in explain.ftl, fetched when first needed.

glossary-open = Glossary
glossary-title = Glossary
glossary-close = Close
present-toggle = Presenter view
