a = provider::
