import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { RequireRole } from './components/Page';
import { AssignApplication } from './pages/admin/AssignApplication';
import { Cases } from './pages/admin/Cases';
import { Staff } from './pages/admin/Staff';
import { ApplicationPage } from './pages/educator/ApplicationPage';
import { Apply } from './pages/educator/Apply';
import { Correspondence } from './pages/educator/Correspondence';
import { Dashboard } from './pages/educator/Dashboard';
import { Licenses } from './pages/educator/Licenses';
import { PrepareApplication } from './pages/educator/PrepareApplication';
import { Profile } from './pages/educator/Profile';
import { Renewal } from './pages/educator/Renewal';
import { Queue } from './pages/evaluator/Queue';
import { RenewalAudits } from './pages/evaluator/RenewalAudits';
import { ReviewApplication } from './pages/evaluator/ReviewApplication';
import { CreateProfile } from './pages/public/CreateProfile';
import { ForgotPassword } from './pages/public/ForgotPassword';
import { ForgotUsername } from './pages/public/ForgotUsername';
import { Home } from './pages/public/Home';
import { Lookup } from './pages/public/Lookup';
import { SignIn } from './pages/public/SignIn';
import { SessionProvider } from './session';

const educator = ['educator'];
const evaluator = ['evaluator'];
const everyone = ['educator', 'evaluator', 'directory-admin', 'customer-service', 'operator'];

const guarded = (roles: string[], element: ReactNode) => <RequireRole roles={roles}>{element}</RequireRole>;

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Layout>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/sign-in" element={<SignIn />} />
            <Route path="/create-profile" element={<CreateProfile />} />
            <Route path="/create-profile/:token" element={<CreateProfile />} />
            <Route path="/create-profile/:token/:page" element={<CreateProfile />} />
            <Route path="/forgot-username" element={<ForgotUsername />} />
            <Route path="/forgot-password" element={<ForgotPassword />} />
            <Route path="/lookup" element={<Lookup />} />
            <Route path="/dashboard" element={guarded(educator, <Dashboard />)} />
            <Route path="/apply" element={guarded(educator, <Apply />)} />
            <Route path="/apply/:applicationNumber" element={guarded(educator, <PrepareApplication />)} />
            <Route path="/applications/:applicationNumber" element={guarded(educator, <ApplicationPage />)} />
            <Route path="/correspondence" element={guarded(educator, <Correspondence />)} />
            <Route path="/licenses" element={guarded(educator, <Licenses />)} />
            <Route path="/renewal" element={guarded(educator, <Renewal />)} />
            <Route path="/profile" element={guarded(everyone, <Profile />)} />
            <Route path="/review" element={guarded(evaluator, <Queue />)} />
            <Route path="/review/renewals" element={guarded(evaluator, <RenewalAudits />)} />
            <Route path="/review/:applicationNumber" element={guarded(evaluator, <ReviewApplication />)} />
            <Route path="/admin/staff" element={guarded(['directory-admin'], <Staff />)} />
            <Route path="/admin/cases" element={guarded(['directory-admin'], <Cases title="Partial-match cases" />)} />
            <Route path="/service/cases" element={guarded(['customer-service'], <Cases title="All partial-match cases" />)} />
            <Route path="/service/assign" element={guarded(['customer-service'], <AssignApplication />)} />
            <Route path="*" element={<p>Page not found. <a href="/">Go to the start page</a>.</p>} />
          </Routes>
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  );
}
