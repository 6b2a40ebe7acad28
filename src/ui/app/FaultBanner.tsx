// Says, in plain words, that the engine worker hung or crashed and was restarted, or that a
// text it failed on before waits for the user's "Read it anyway".
import { useStrings } from '../../state/hooks.ts';
import { dismissFault, readAnyway, useFault } from '../../state/fault-recovery.ts';

export function FaultBanner() {
  const fault = useFault((s) => s.fault);
  const held = useFault((s) => s.held);
  const t = useStrings().robust;
  if (held) {
    return (
      <div className="banner" role="alert">
        {t.held}{' '}
        <button type="button" onClick={readAnyway}>
          {t.readAnyway}
        </button>
      </div>
    );
  }
  if (!fault) return null;
  const doing =
    fault.command === 'parse' ? t.reading : fault.command.startsWith('sim') ? t.simulating : t.answering;
  return (
    <div className="banner" role="alert">
      {fault.kind === 'hang' ? t.hang(doing) : t.crash(doing)}{' '}
      <button type="button" onClick={dismissFault}>
        {t.dismiss}
      </button>
    </div>
  );
}
