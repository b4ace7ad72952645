version: 2
updates:
  - package-ecosystem: maven
    directory: /
    schedule:
      interval: weekly
    groups:
      maven:
        patterns: ['*']
[#if use_docker]
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
