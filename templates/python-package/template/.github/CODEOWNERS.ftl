# Owners are asked to review every pull request (see the branch protection of main).
[#if admin_team?has_content]
* @[=github_org]/[=admin_team]
[#else]
# No owning team was named: add a line such as `* @[=github_org]/TEAM`.
[/#if]
