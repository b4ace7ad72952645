# Owners are asked to review every pull request (see the branch protection of main).
* @[=github_org]/[=owning_team]
