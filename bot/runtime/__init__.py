"""How the three servers run: the supervisor, the Rasa server, the action server, trackers.

Nothing here imports Telegram; `jobbot run` starts the front end as a child process.
"""
