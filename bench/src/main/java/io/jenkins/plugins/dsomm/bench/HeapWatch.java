package io.jenkins.plugins.dsomm.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the heap while some work runs: samples heap use every millisecond and listens to GC notifications, for
 * the peak (the highest sample or use before a collection) and the largest use left after a collection (what the
 * work keeps).
 */
final class HeapWatch {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final NotificationListener listener = (n, h) -> {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        peak.accumulateAndGet(heapTotal(info.getMemoryUsageBeforeGc()), Math::max);
        maxAfterGc.accumulateAndGet(heapTotal(info.getMemoryUsageAfterGc()), Math::max);
        collections.incrementAndGet();
    };
    private volatile boolean running;
    private Thread sampler;

    /** Heap in use now, all heap pools. */
    static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Heap in use after a full collection. */
    static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        System.gc();
        Thread.sleep(100); // its GC notification is delivered before a watch starts
        return heapUsed();
    }

    void start() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(1);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() throws InterruptedException {
        peak.accumulateAndGet(heapUsed(), Math::max);
        Thread.sleep(50); // late GC notifications
        running = false;
        sampler.join();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            }
            catch (ListenerNotFoundException e) {
                // not added
            }
        }
    }

    /** Heap in use in a GC notification's pools (metaspace and code cache left out). */
    private static long heapTotal(final Map<String, MemoryUsage> usages) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = usages.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && u != null) {
                used += u.getUsed();
            }
        }
        return used;
    }

    long peak() {
        return peak.get();
    }

    long maxAfterGc() {
        return maxAfterGc.get();
    }

    long collections() {
        return collections.get();
    }
}
