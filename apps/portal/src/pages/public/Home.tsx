import { Link, Navigate } from 'react-router';
import { Page } from '../../components/Page';
import { homeFor, useSession } from '../../session';

export function Home() {
  const { me } = useSession();
  if (me) return <Navigate to={homeFor(me.role)} replace />;
  return (
    <Page title="Educator licensure in Massachusetts" lead="Apply for and renew your educator license, follow every application as it is reviewed, and answer your evaluator in one place.">
      <ul className="usa-card-group">
        {[
          { to: '/sign-in', title: 'Sign in', text: 'Use the user name we gave you when you created your profile.' },
          { to: '/create-profile', title: 'Create a profile', text: 'Four short pages. You can stop and come back to finish.' },
          { to: '/lookup', title: 'Look up a license', text: 'Check a license by name, number or certificate code.' },
        ].map((c) => (
          <li key={c.to} className="usa-card tablet:grid-col-4">
            <div className="usa-card__container">
              <div className="usa-card__header"><h2 className="usa-card__heading">{c.title}</h2></div>
              <div className="usa-card__body"><p>{c.text}</p></div>
              <div className="usa-card__footer"><Link className="usa-button" to={c.to}>{c.title}</Link></div>
            </div>
          </li>
        ))}
      </ul>
      <p>Forgot something? <Link to="/forgot-username">Forgot user name</Link> · <Link to="/forgot-password">Forgot password</Link></p>
    </Page>
  );
}
