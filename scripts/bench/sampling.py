"""What a benchmark samples while a workload runs: the peak resident memory of the plugin's processes."""
import os
import threading


class PeakRss:
    """Peak resident memory (VmHWM) of every process whose command line contains a marker, sampled
    every 100 ms from /proc. VmHWM is the kernel's own high-water mark, so sampling loses nothing
    but the last interval of a process's life."""

    def __init__(self, marker, exclude="CdsTraining"):
        self.marker = marker.encode()
        # The launcher's one-time class-data training is not the plugin at work: left out.
        self.exclude = exclude.encode()
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        cmdline = f.read()
                        if self.marker not in cmdline or self.exclude in cmdline:
                            continue
                    with open(f"/proc/{pid}/status") as f:
                        for line in f:
                            if line.startswith("VmHWM:"):
                                self.peak_kib = max(self.peak_kib, int(line.split()[1]))
                except OSError:
                    pass
            self._stop.wait(0.1)
