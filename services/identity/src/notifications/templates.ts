/** Every email the system sends. Data carries ids and numbers, never personal data beyond the name. */
type Render = (d: Record<string, unknown>) => { subject: string; text: string };

const sign = '\n\nMassachusetts Department of Elementary and Secondary Education\nEducator Licensure And Renewal (ELAR)';

export const templates: Record<string, Render> = {
  welcome: (d) => ({
    subject: 'Welcome to ELAR: your MEPID',
    text: `Dear ${d.name},\n\nYour ELAR profile is ready.\nMEPID: ${d.mepid}\nUser name: ${d.username}\n\nKeep your MEPID: schools and DESE use it to find your records.${sign}`,
  }),
};

export function renderTemplate(template: string, data: Record<string, unknown>) {
  const render = templates[template];
  return render ? render(data) : undefined;
}
