import { useState, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useSession } from '../session';

const NAV: Record<string, { to: string; label: string }[]> = {
  educator: [
    { to: '/dashboard', label: 'My applications' },
    { to: '/apply', label: 'Apply' },
    { to: '/correspondence', label: 'Correspondence' },
    { to: '/licenses', label: 'Licenses' },
    { to: '/renewal', label: 'Renew' },
    { to: '/profile', label: 'Profile' },
  ],
  evaluator: [
    { to: '/review', label: 'Review queue' },
    { to: '/review/renewals', label: 'Renewal audits' },
    { to: '/profile', label: 'Profile' },
  ],
  'directory-admin': [
    { to: '/admin/staff', label: 'Staff directory' },
    { to: '/admin/cases', label: 'Partial matches' },
    { to: '/profile', label: 'Profile' },
  ],
  'customer-service': [
    { to: '/service/cases', label: 'All cases' },
    { to: '/service/assign', label: 'Assign applications' },
    { to: '/profile', label: 'Profile' },
  ],
};

const PUBLIC_NAV = [
  { to: '/sign-in', label: 'Sign in' },
  { to: '/create-profile', label: 'Create profile' },
  { to: '/lookup', label: 'License lookup' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const links = me ? NAV[me.role] ?? [] : PUBLIC_NAV;
  return (
    <>
      <a className="usa-skipnav" href="#main-content">Skip to main content</a>
      <section className="usa-banner" aria-label="About this website">
        <div className="usa-banner__header"><div className="usa-banner__inner"><p className="usa-banner__header-text margin-0">A demonstration portal modeled on the Massachusetts educator licensure system</p></div></div>
      </section>
      <header className="usa-header usa-header--basic">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo"><em className="usa-logo__text"><NavLink to="/">ELAR: Educator Licensure And Renewal</NavLink></em></div>
            <button type="button" className="usa-menu-btn" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen(!open)}>Menu</button>
          </div>
          <nav aria-label="Primary" id="site-nav" className={`usa-nav${open ? ' is-visible' : ''}`}>
            <button type="button" className="usa-nav__close" onClick={() => setOpen(false)} aria-label="Close menu">×</button>
            <ul className="usa-nav__primary usa-accordion">
              {links.map((l) => (
                <li key={l.to} className="usa-nav__primary-item">
                  <NavLink to={l.to} end className={({ isActive }) => `usa-nav-link${isActive ? ' usa-current' : ''}`} onClick={() => setOpen(false)}>
                    <span>{l.label}</span>
                  </NavLink>
                </li>
              ))}
              {me && (
                <li className="usa-nav__primary-item">
                  <button type="button" className="usa-button usa-button--unstyled usa-nav-link" onClick={async () => { setOpen(false); await signOut(); navigate('/sign-in'); }}>
                    <span>Sign out ({me.firstName})</span>
                  </button>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      {open && <div className="usa-overlay is-visible" onClick={() => setOpen(false)} />}
      <main id="main-content" className="grid-container padding-y-4" tabIndex={-1}>{children}</main>
      <footer className="usa-footer usa-footer--slim">
        <div className="grid-container usa-footer__return-to-top padding-y-2"><a href="#main-content">Return to top</a></div>
      </footer>
    </>
  );
}
