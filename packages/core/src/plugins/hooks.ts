import type { Activity, FieldChanges } from '../lead/activity.js';
import type { Lead, Qualification } from '../lead/lead.js';
import type { Notification } from '../notifications/notification.js';
import type { Task } from '../tasks/task.js';

/** What every lead event says: the lead as it is now, who did it (null: the system), and when. */
export interface LeadEventBase {
  lead: Lead;
  /** The acting user's id; null when the system acted (a job, a timer, an import). */
  actorId: string | null;
  at: Date;
}

/**
 * The events core emits about leads, by name, with their payloads. Each says what changed as
 * `from`/`to` (or `changes`, a `from`/`to` per field), so a handler needs no second read.
 */
export interface LeadEvents {
  'lead.created': LeadEventBase;
  /** Any change of writable fields; `lead` is after the change. Stage and owner changes also emit their own events. */
  'lead.updated': LeadEventBase & { changes: FieldChanges };
  'lead.stageChanged': LeadEventBase & { from: string; to: string };
  /** `null` is "no owner". */
  'lead.assigned': LeadEventBase & { from: string | null; to: string | null };
  /** `from`/`to` are the `convertedAt` marker before and after. */
  'lead.converted': LeadEventBase & { from: Date | null; to: Date };
  /** `from`/`to` are the `archivedAt` marker before and after. */
  'lead.archived': LeadEventBase & { from: Date | null; to: Date };
  'activity.logged': LeadEventBase & { activity: Activity };
  /**
   * An existing lead's qualification changed (`cold` → `mql` → `sql`, or back) because it was
   * rescored: after an edit, a logged activity, or `scoring.recomputeAll`. A new lead's first
   * qualification is part of `lead.created`, not this event.
   */
  'lead.qualified': LeadEventBase & { from: Qualification; to: Qualification };
  /** A response deadline passed: `policy` names the SLA rule, `dueAt` when the lead should have been handled. */
  'lead.slaBreached': LeadEventBase & { policy: string; dueAt: Date; from: 'pending'; to: 'breached' };
  /**
   * A task's reminder time came (`task.remindAt`): `userId` is who was reminded (the assignee), and
   * has an in-app notification; a plugin can send an SMS or email too. Sent once per reminder time.
   */
  'task.reminder': LeadEventBase & { task: Task; userId: string | null };
  /** An in-app notification was written for a user (a reminder, a missed response deadline). */
  'notification.created': { notification: Notification; at: Date };
}

// A record, not an array, so a new event in `LeadEvents` fails to compile until it is listed here.
const leadEventKeys: Record<keyof LeadEvents, true> = {
  'lead.created': true,
  'lead.updated': true,
  'lead.stageChanged': true,
  'lead.assigned': true,
  'lead.converted': true,
  'lead.archived': true,
  'activity.logged': true,
  'lead.qualified': true,
  'lead.slaBreached': true,
  'task.reminder': true,
  'notification.created': true,
};

/** Every event core emits, for code that listens to all of them (event spies, audit trails). */
export const leadEventNames = Object.keys(leadEventKeys) as readonly (keyof LeadEvents)[];

/** A name-to-payload map of events, such as `LeadEvents`. */
export type EventMap = object;

/** Event names of a map (its string keys). */
export type EventName<E extends EventMap> = keyof E & string;

export type HookHandler<P> = (payload: P) => void | Promise<void>;

/** A handler that threw (or rejected), with the plugin that registered it. */
export interface HookFailure {
  pluginId: string;
  event: string;
  error: unknown;
}

/** What an emit did. Failures are reported here, never thrown into the emitter. */
export interface EmitReport {
  errors: HookFailure[];
}

export interface HookOptions {
  pluginId: string;
}

export interface Hooks<E extends EventMap> {
  /** Add a handler; returns a function that removes it (safe to call twice). */
  on<K extends EventName<E>>(name: K, handler: HookHandler<E[K]>, options: HookOptions): () => void;
  /**
   * Run the handlers of `name` one after another in registration order, awaiting each. A handler
   * that throws does not stop the rest; its error is in the report. Handlers added during an emit
   * wait for the next one; handlers removed during an emit do not run.
   */
  emit<K extends EventName<E>>(name: K, payload: E[K]): Promise<EmitReport>;
  /** How many handlers `name` has (of every plugin, enabled or not). */
  count(name: EventName<E>): number;
}

export interface HooksOptions {
  /** Handlers of plugins for which this answers false are skipped (a disabled plugin stays silent). */
  isEnabled?: (pluginId: string) => boolean;
  /** Told of each failing handler as it fails, e.g. to log it; the emit report still carries it. */
  onError?: (failure: HookFailure) => void;
}

interface Registration {
  readonly pluginId: string;
  readonly handler: HookHandler<never>;
  active: boolean;
}

/** Create a typed hook bus: `createHooks<LeadEvents>({ isEnabled })`. */
export function createHooks<E extends EventMap>(options: HooksOptions = {}): Hooks<E> {
  const byName = new Map<string, Registration[]>();

  return {
    on(name, handler, { pluginId }) {
      const registration: Registration = { pluginId, handler: handler as HookHandler<never>, active: true };
      const list = byName.get(name) ?? [];
      list.push(registration);
      byName.set(name, list);
      return () => {
        if (!registration.active) return;
        registration.active = false;
        const current = byName.get(name);
        if (current) byName.set(name, current.filter((r) => r !== registration));
      };
    },

    async emit(name, payload) {
      const errors: HookFailure[] = [];
      for (const registration of [...(byName.get(name) ?? [])]) {
        if (!registration.active) continue;
        if (options.isEnabled && !options.isEnabled(registration.pluginId)) continue;
        try {
          await (registration.handler as HookHandler<typeof payload>)(payload);
        } catch (error) {
          const failure: HookFailure = { pluginId: registration.pluginId, event: name, error };
          errors.push(failure);
          try {
            options.onError?.(failure);
          } catch {
            // A failing reporter must not turn a reported failure into a thrown one.
          }
        }
      }
      return { errors };
    },

    count(name) {
      return byName.get(name)?.length ?? 0;
    },
  };
}

/** A plugin's view of the hook bus: `on` without the plugin id, which the host fills in. */
export interface PluginHooks<E extends EventMap> {
  on<K extends EventName<E>>(name: K, handler: HookHandler<E[K]>): () => void;
  emit<K extends EventName<E>>(name: K, payload: E[K]): Promise<EmitReport>;
}

/** Bind a hook bus to one plugin's id. */
export function scopeHooks<E extends EventMap>(hooks: Hooks<E>, pluginId: string): PluginHooks<E> {
  return {
    on: (name, handler) => hooks.on(name, handler, { pluginId }),
    emit: (name, payload) => hooks.emit(name, payload),
  };
}
