package org.jkeepalived.healthcheck.check;

/**
 * FILE_CHECK: follows its track_file's value, which keepalived reads when inotify reports a change rather than on a
 * schedule. It reports only changes: keepalived marks a file checker as run from the start.
 */
final class FileChecker implements RunningChecker, TrackFileWatcher.Subscriber {
    private final CheckerTarget target;
    private final CheckerVerdicts verdicts;
    private final TrackFileWatcher watcher;
    private final String trackFile;
    private final FileCheckRule rule;

    FileChecker(CheckerTarget target, CheckerVerdicts verdicts, TrackFileWatcher watcher, String trackFile,
                FileCheckRule rule) {
        this.target = target;
        this.verdicts = verdicts;
        this.watcher = watcher;
        this.trackFile = trackFile;
        this.rule = rule;
    }

    @Override
    public void start() {
        watcher.subscribe(trackFile, this);
    }

    @Override
    public void stop() {
        watcher.unsubscribe(trackFile, this);
    }

    @Override
    public void changed(long previousValue, long newValue) {
        FileCheckRule.Change change = rule.change(previousValue, newValue);
        if (change instanceof FileCheckRule.Change.Down) {
            verdicts.stateChanged(target, false);
            verdicts.weightShareSet(target, 0);
        } else if (change instanceof FileCheckRule.Change.Up up) {
            verdicts.weightShareSet(target, up.weightShare());
            verdicts.stateChanged(target, true);
        } else if (change instanceof FileCheckRule.Change.Reweighed reweighed) {
            verdicts.weightChanged(target, target.realServer().weight() + reweighed.weightShare());
        }
    }
}
