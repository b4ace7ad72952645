[=python_version]
