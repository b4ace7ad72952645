{
  "$schema": "https://raw.githubusercontent.com/googleapis/release-please/main/schemas/config.json",
  "packages": {
    ".": {
      "release-type": "python",
      "package-name": "[=project_slug]",
      "include-component-in-tag": false,
      "changelog-path": "CHANGELOG.md"
    }
  }
}
