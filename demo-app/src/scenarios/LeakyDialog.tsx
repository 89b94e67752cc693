import { useEffect, useState } from 'react';
import type { Variant } from './Variant.js';

/** A long-lived store, like a presence or notification service in a real app. */
const presence = {
  listeners: new Set<(online: number) => void>(),
  online: 3,
  subscribe(listener: (online: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  },
};

function Dialog({ variant, onClose }: { variant: Variant; onClose: () => void }) {
  const [online, setOnline] = useState(presence.online);
  useEffect(() => {
    const unsubscribe = presence.subscribe(setOnline);
    // The faulty variant forgets to unsubscribe: the store keeps `setOnline`, and with it this dialog.
    return variant === 'fixed' ? unsubscribe : undefined;
  }, [variant]);
  return (
    <div role="dialog" aria-label="Team details" className="dialog">
      <p>{online} people online.</p>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** A dialog that subscribes to a long-lived store when it opens, and (faulty) never unsubscribes. */
export function LeakyDialog({ variant }: { variant: Variant }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="scenario">
      <h2>Leaky dialog</h2>
      <p>
        Each open subscribes the dialog to a long-lived store. The faulty variant never unsubscribes, so every closed dialog stays reachable.
        Open and close it a few times, then see "Retained after unmount" in the Components view. Store listeners now:{' '}
        <span data-testid="presence-listeners">{presence.listeners.size}</span>
      </p>
      <button type="button" onClick={() => setOpen(true)} disabled={open}>
        Open
      </button>
      {open && <Dialog variant={variant} onClose={() => setOpen(false)} />}
    </section>
  );
}
