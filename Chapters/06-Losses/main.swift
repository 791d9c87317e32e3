import DLPresentation
var chapter = Chapter(number: 6, title: "Loss functions")
chapter.finish()
