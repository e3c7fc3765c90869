// The Study feature's page script: heartbeats for the course wrapped by StudyTracker (written by the Study feature).
