import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { call } from '../api/call';
import { fieldProblem, type Problem } from '../api/problems';
import type { ApplicationDetail } from '../api/types';
import { day, moment } from '../format';
import { Alert, ProblemAlert } from './Alert';
import { TextArea } from './Field';
import { UploadField } from './UploadField';

type Letter = ApplicationDetail['correspondence'][number];

/** An evaluator's letter: what is missing, by when, with uploads for each missing item and a reply. */
export function LetterCard({ applicationNumber, letter, checklist, onChange }: { applicationNumber: string; letter: Letter; checklist: ApplicationDetail['checklist']; onChange: () => void }) {
  const [problem, setProblem] = useState<Problem>();
  const [sent, setSent] = useState(false);
  const missing = checklist.filter((c) => letter.missingRequirements.includes(c.id));
  const open = letter.status === 'open' && !sent;
  const reply = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const message = String(new FormData(e.currentTarget).get('message') ?? '');
    const r = await call(api.POST('/applications/{applicationNumber}/correspondence/{sequence}/reply', { params: { path: { applicationNumber, sequence: letter.sequence } }, body: { message } }));
    if (!r.ok) return setProblem(r.problem);
    setSent(true);
    onChange();
  };
  return (
    <section className="border-1px border-base-lighter radius-md padding-2 margin-y-3" aria-labelledby={`letter-${applicationNumber}-${letter.sequence}`}>
      <div>
        <h2 className="margin-top-0" id={`letter-${applicationNumber}-${letter.sequence}`}>
          Letter {letter.sequence} about {applicationNumber}: {open ? `answer by ${day(letter.dueDate)}` : letter.status}
        </h2>
        <div>
          <p className="text-pre-wrap">{letter.letter}</p>
          {letter.repliedAt && <p>You answered on {moment(letter.repliedAt)}.</p>}
          {open && (
            <>
              <h3>Upload what is missing</h3>
              {missing.map((m) => (
                <div key={m.id}>
                  {m.met && <p className="text-success-darker">Received: {m.name} ({m.documentName})</p>}
                  <UploadField applicationNumber={applicationNumber} requirement={m} onUploaded={onChange} />
                </div>
              ))}
              <ProblemAlert problem={problem} />
              <form className="usa-form maxw-full" onSubmit={reply} noValidate>
                <TextArea label="Your reply to the evaluator" name="message" required error={fieldProblem(problem, 'message')} hint="Sending the reply returns your application to the same evaluator." />
                <button className="usa-button" type="submit">Send reply</button>
              </form>
            </>
          )}
          {sent && <Alert kind="success">Your reply was sent. Your application is back with your evaluator.</Alert>}
        </div>
      </div>
    </section>
  );
}
