version: 2
updates:
[#if dependency_tool == "uv"]
  - package-ecosystem: uv
[#else]
  - package-ecosystem: pip
[/#if]
    directory: /
    schedule:
      interval: weekly
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
    groups:
      actions:
        patterns: ['*']
