// Placeholder so the package loads while this target is being written; delete when adding real files.
print("placeholder")
