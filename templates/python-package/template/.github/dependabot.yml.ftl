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
[#if container_image]
  - package-ecosystem: docker
    directory: /
    schedule:
      interval: weekly
[/#if]
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
    groups:
      actions:
        patterns: ['*']
