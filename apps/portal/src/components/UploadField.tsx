import { useId, useState } from 'react';
import { uploadDocument } from '../api/upload';
import type { Problem } from '../api/problems';

/** A file picker for one requirement: uploads as soon as a file is chosen and shows progress. */
export function UploadField({ applicationNumber, requirement, onUploaded }: { applicationNumber: string; requirement: { id: string; name: string }; onUploaded: () => void }) {
  const id = useId();
  const [percent, setPercent] = useState<number>();
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  return (
    <div className={`usa-form-group${problem ? ' usa-form-group--error' : ''}`}>
      <label className="usa-label" htmlFor={id}>{requirement.name}</label>
      <span className="usa-hint" id={`${id}-hint`}>PDF, PNG or JPEG, up to 700 KB.</span>
      {problem && <span className="usa-error-message" id={`${id}-error`} role="alert">{problem.message}</span>}
      <input
        id={id}
        className="usa-input"
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          setProblem(undefined);
          setDone(undefined);
          setPercent(0);
          const p = await uploadDocument(applicationNumber, requirement.id, file, setPercent);
          if (p) {
            setProblem(p);
            setPercent(undefined);
          } else {
            setDone(`Uploaded ${file.name}`);
            onUploaded();
          }
        }}
      />
      {percent !== undefined && <progress className="display-block margin-top-1 width-full" max={100} value={percent} aria-label={`Uploading ${requirement.name}`}>{percent}%</progress>}
      {done && <p className="text-success-darker margin-top-05" role="status">{done}</p>}
    </div>
  );
}
