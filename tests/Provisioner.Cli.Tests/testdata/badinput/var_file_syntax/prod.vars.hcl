replicas = 3 +
