by_role = { for u in users : u.role => u.name... }
filtered = { for u in users : u.role => u... if u.active }
