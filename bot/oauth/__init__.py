"""Several workspaces: the OAuth v2 install flow, its stores and encrypted tokens.

Active when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set; otherwise the app
serves the one workspace of SLACK_BOT_TOKEN.
"""
