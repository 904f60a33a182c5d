import WorkbenchCore
print("hi")
