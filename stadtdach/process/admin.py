from django.contrib import admin

from stadtdach.process.models import Milestone, Phase, Task

admin.site.register(Phase)
admin.site.register(Milestone)
admin.site.register(Task)
