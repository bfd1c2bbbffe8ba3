-- Embedded mode only: the demo roster. Other modes start with an empty roster.
INSERT IGNORE INTO roster_member (username, display_name, email, role, tier, skill_group, available, on_duty) VALUES
  ('agent1',   'Alex Agent',        'agent1@support.local',   'AGENT',           1, NULL,               TRUE, FALSE),
  ('agent2',   'Sam Agent',         'agent2@support.local',   'AGENT',           1, NULL,               TRUE, FALSE),
  ('billing1', 'Bea Billing',       'billing1@support.local', 'SPECIALIST',      2, 'billing',          TRUE, FALSE),
  ('tech1',    'Theo Technical',    'tech1@support.local',    'SPECIALIST',      2, 'technical',        TRUE, FALSE),
  ('privacy1', 'Priya Privacy',     'privacy1@support.local', 'SPECIALIST',      2, 'security-privacy', TRUE, FALSE),
  ('manager1', 'Morgan Manager',    'manager1@support.local', 'MANAGER',         3, NULL,               TRUE, TRUE),
  ('manager2', 'Mia Manager',       'manager2@support.local', 'MANAGER',         3, NULL,               TRUE, FALSE),
  ('head1',    'Harper Head',       'head1@support.local',    'HEAD_OF_SUPPORT', 3, NULL,               TRUE, FALSE);
